"""Report -> paper: the GB/T 9704 typesetting engine. Never imports Qt."""
