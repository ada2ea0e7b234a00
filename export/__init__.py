"""Report -> paper: the GB/T 9704 typesetting engine. Never imports Qt."""


def preview_job(name: str, *args):
    """Run ``export.preview.<name>(*args)`` (in the preview's worker process).

    The window sends its jobs by name: a function is pickled by reference, which would make the window's
    process import the layout just to send one (~10 ms at start-up, before the window is shown)."""
    from export import preview

    return getattr(preview, name)(*args)
