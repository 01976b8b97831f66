"""YAML rules, shipped as package data and turned into experta rules at start-up."""
