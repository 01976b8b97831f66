"""Knowledge layer: reading and validating the knowledge files into frozen records, the vocabulary of
findings, and the texts shared by every output. Imports nothing from the layers above."""
