"""The operator module (bundled with tripwire; being written)."""
