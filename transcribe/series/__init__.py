"""Across meetings: meeting series, the period report and counted answers to a question.

A meeting is a directory with transcript.json and, optionally, minutes.json or
minutes.approved.json. `store` keeps series, `report` builds the period report,
`ask` finds and counts the contributions answering a question.
"""
