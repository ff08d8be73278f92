"""Shell completion: the ``completion`` command, the command tree as data, the engines, the fast values path.

Nothing is imported here: ``values`` runs on the shell's fast path, where click must stay unloaded.
"""
