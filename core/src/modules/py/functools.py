"""The functools module (bundled with tripwire; being written)."""
