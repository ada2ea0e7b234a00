"""models/importers"""
