"""Cases layer: reading case files (YAML, JSON, JSON Lines, CSV, Phenopacket) and running them."""
