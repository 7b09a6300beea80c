"""Reference pipeline for the agreement benchmark: read a unit,rater,value CSV with pandas, aggregate it to
units x categories counts and compute statsmodels' Fleiss kappa. Prints the kappa."""
import sys

import pandas as pd
from statsmodels.stats.inter_rater import fleiss_kappa

ratings = pd.read_csv(sys.argv[1], dtype=str)
counts = ratings.groupby(["unit", "value"]).size().unstack(fill_value=0)
print(repr(float(fleiss_kappa(counts.to_numpy(), method="fleiss"))))
