package org.refusalworkbench.agreement;

/** statsmodels scripts shared by tests that compare against cohens_kappa on a two-rater file. */
final class StatsmodelsScripts {
    /** Reads "unit rater value" lines with raters r0, r1 and values 1..k; prints kappa and its ASE. */
    static final String COHEN = String.join("\n",
            "import sys, collections",
            "import numpy as np",
            "from statsmodels.stats.inter_rater import cohens_kappa, to_table",
            "cells = collections.defaultdict(dict)",
            "for line in sys.stdin:",
            "    u, r, v = line.split()",
            "    cells[u][r] = int(v)",
            "data = np.array([[row['r0'], row['r1']] for _, row in sorted(cells.items())])",
            "table = to_table(data - 1, bins=np.arange(data.max() + 1) - 0.5)[0]",
            "res = cohens_kappa(table)",
            "print('kappa', repr(float(res.kappa)))",
            "print('se', repr(float(res.std_kappa)))");

    private StatsmodelsScripts() {
    }
}
