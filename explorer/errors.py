"""Our own exception types: the core raises them, the CLI turns them into messages and exit codes."""


class ExplorerError(Exception):
    """Base class for every error symptom-explorer raises on purpose."""


class KnowledgeError(ExplorerError):
    """One or more knowledge files are invalid. ``problems`` holds one ``file:line: where: what`` each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class InputError(ExplorerError):
    """The findings given cannot be used (for example none at all)."""
