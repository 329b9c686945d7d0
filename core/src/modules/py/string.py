"""The string module (bundled with tripwire; being written)."""
