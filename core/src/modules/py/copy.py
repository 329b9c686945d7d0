"""The copy module (bundled with tripwire; being written)."""
