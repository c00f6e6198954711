"""New Facts Check: the wizard for a repeat asylum application in the Netherlands."""
