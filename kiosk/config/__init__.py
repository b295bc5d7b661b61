"""The kiosk's settings: every option declared once, read from kiosk.toml and the environment."""

from kiosk.config.loader import Config, ConfigError, default_config_file, load_config
from kiosk.config.options import OPTIONS, Option

__all__ = ["OPTIONS", "Config", "ConfigError", "Option", "default_config_file", "load_config"]
