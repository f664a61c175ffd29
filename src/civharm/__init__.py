"""civharm: from reports of attacks on civilians to sourced, graded incidents and traceable tallies."""

__version__ = "0.1.0"
TOOL = f"civharm {__version__}"
