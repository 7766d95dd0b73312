# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Extra figures of the scale benchmark: runs every ``extra_*.py`` beside this file."""

import glob
import importlib
import os


def run(env, data, sizes, measure, line):
    folder = os.path.dirname(__file__)
    for path in sorted(glob.glob(os.path.join(folder, "extra_*.py"))):
        module = importlib.import_module(os.path.splitext(os.path.basename(path))[0])
        module.run(env, data, sizes, measure, line)
