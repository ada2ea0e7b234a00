"""export/backends"""
