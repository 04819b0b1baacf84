"""Output formats. Each reporter is registered through ``register_reporters``."""
