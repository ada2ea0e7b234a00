"""The Qt window; widgets read and write models, never SQL."""
