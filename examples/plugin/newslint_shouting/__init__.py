"""An example newslint plugin: flags shouting (runs of ALL-CAPS words) in copy."""
