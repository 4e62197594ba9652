"""The `repay` command: argument parsing (`main`) and the headless commands.

Nothing here imports Textual; `main` loads the app only when the full screen opens.
"""
