"""Language layer: reading free text. It reads what a person typed (a word, a list, whole sentences)
against the loaded knowledge base and returns findings: a ``Parse`` of ``Mention`` records (the finding,
present or absent, its body sites, corrections, the span it came from) and ``Leftover`` records for
whatever named nothing, each with close matches. Imports only the knowledge layer below it."""
