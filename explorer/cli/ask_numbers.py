"""Question numbers in `ask` that a class can refer to: they count the questions asked in the session,
answers loaded with --answers included (after "Loaded 6 answers" comes "Question 7"). A question shown
again (after why, how, or an `add` that leaves it the next one) keeps its number, a new one takes the next,
and `back` hands the number of the question it reopens to the question asked next."""


class QuestionNumbers:
    def __init__(self) -> None:
        self.loaded = 0  # answers loaded from a file: each stands for a question asked
        self.asked: list[str] = []  # the finding of each question numbered in this session, in order

    def load(self, answers: int) -> None:
        self.loaded, self.asked = answers, []

    def show(self, finding: str) -> int:
        """The number to show ``finding``'s question under."""
        if not self.asked or self.asked[-1] != finding:
            self.asked.append(finding)
        return self.loaded + len(self.asked)

    def back(self, finding: str, answers_left: int) -> None:
        """The answer to ``finding`` was taken back, leaving ``answers_left`` answers."""
        if answers_left < self.loaded:  # back into the loaded answers: no question of this session is left
            self.load(answers_left)
        elif finding in self.asked:
            del self.asked[len(self.asked) - 1 - self.asked[::-1].index(finding) :]
