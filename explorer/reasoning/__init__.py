"""Reasoning layer: the experta engine built from the rules, exploration, ranking and the questionnaire.
Returns records; never prints."""
