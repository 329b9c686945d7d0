"""The collections_abc module (bundled with tripwire; being written)."""
