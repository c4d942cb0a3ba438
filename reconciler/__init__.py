"""rvsq-access: config-as-code access reconciler for Rendez-vous santé Québec."""

__version__ = "0.1.0"
