"""The itertools module (bundled with tripwire; being written)."""
