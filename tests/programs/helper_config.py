# Helper module with mutable state and __all__ (no .out file).
__all__ = ["settings", "get", "set_value"]

settings = {"debug": False, "level": 1}
hidden = "not in __all__"

def get(key, default=None):
    return settings.get(key, default)

def set_value(key, value):
    settings[key] = value
    return settings

class ConfigError(Exception):
    pass

def require(key):
    if key not in settings:
        raise ConfigError(f"missing setting {key!r}")
    return settings[key]
