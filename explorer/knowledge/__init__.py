"""Knowledge layer: reading and validating the knowledge files (findings, conditions, rules, sites, the
reader's word lists, urgency levels) into frozen records, and the texts shared by every output. Reading
free text with them is the language layer's work. Imports nothing from the layers above."""
