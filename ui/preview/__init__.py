"""ui/preview"""
