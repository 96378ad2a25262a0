"""Every test may build pipelines from leakmine's factories: register them once."""

from leakmine.components import register

register()
