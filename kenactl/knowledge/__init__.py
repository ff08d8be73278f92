"""What kenactl knows from data files: the operators and the service charters, built in or the user's own.

The only code that reads package data or the user's data files (the profile itself is ``store``'s).
"""
