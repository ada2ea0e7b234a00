"""The report as data, and everything that does not need Qt."""

APP_NAME = "Tianbao"
APP_VERSION = "0.1.0"
