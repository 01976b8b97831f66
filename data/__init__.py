"""Knowledge data (vocabulary, patterns, red flags, condition cards, example cases), shipped as package data."""
