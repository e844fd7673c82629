#!/usr/bin/env python3
"""Reference fits for CellFeatureExtractor's unit tests, made with scipy's curve_fit the way ipfx
uses it (spec features.md section 5). Run from this folder: python3 make_fixtures.py

tau.json: noisy hyperpolarising RC responses (10 kHz, step [0.2, 0.9) s), v rounded to 1 uV, and
          ipfx's time_constant on them (SNR >= 20, fit start at 10 % of the deflection, fit over
          [fit start, peak), initial guess (v[s] - v[e], 50, v[e]), RMSE > 1 mV -> null).
fi.json:  f-I points (amplitude relative to rheobase, avg_rate) and the sqrt fit from p0 = (1, 0).
"""
import json
import warnings

import numpy as np
from scipy.optimize import curve_fit

warnings.simplefilter("ignore")
RATE, START, END, N = 10000.0, 0.2, 0.9, 12000
t = np.arange(N) / RATE


def idx(x):
    return int(np.argmin(np.abs(t - x)))


def exp_curve(x, a, inv_tau, y0):
    return y0 + a * np.exp(-inv_tau * x)


def time_constant(v, max_fit_end=None):
    s, e = idx(START), idx(END)
    peak = s + int(np.argmin(v[s:e]))
    if max_fit_end is not None and idx(max_fit_end) < peak:
        peak = idx(max_fit_end)
    v_peak = v[peak]
    b0 = idx(START - 0.1)
    base = v[b0:s].mean()
    snr = abs(base - v_peak) / v[b0:s].std()
    if snr < 20:
        return None, "snr %.2f" % snr
    fs = s + int(np.flatnonzero(v[s:] <= base + 0.1 * (v_peak - base))[0])
    x = t[fs:peak] - t[fs]
    y = v[fs:peak]
    popt, _ = curve_fit(exp_curve, x, y, p0=(v[fs] - v[peak], 50.0, v[peak]))
    rmse = float(np.sqrt(np.mean((exp_curve(x, *popt) - y) ** 2)))
    if rmse > 1.0:
        return None, "rmse %.3f" % rmse
    return 1.0 / popt[1], "rmse %.3f" % rmse


def rc(amp_pa, r_mohm, tau_s, noise_mv, seed, rest=-70.0):
    rng = np.random.default_rng(seed)
    v = np.full(N, rest)
    on = (t >= START) & (t < END)
    v[on] += amp_pa * r_mohm / 1000 * (1 - np.exp(-(t[on] - START) / tau_s))
    off = t >= END
    v_end = amp_pa * r_mohm / 1000 * (1 - np.exp(-(END - START) / tau_s))
    v[off] += v_end * np.exp(-(t[off] - END) / tau_s)
    v += rng.normal(0, noise_mv, N)
    return np.round(v, 3)


cases = []
for name, amp, r, tau, noise, seed in [("clean", -100.0, 150.0, 0.025, 0.05, 1),
                                       ("noisy", -60.0, 200.0, 0.040, 0.3, 2),
                                       ("rmse-over-1-mV", -150.0, 250.0, 0.030, 1.5, 3),
                                       ("low-snr", -20.0, 100.0, 0.020, 0.15, 4)]:
    v = rc(amp, r, tau, noise, seed)
    got, why = time_constant(v)
    cases.append({"name": name, "amplitude_pA": amp, "true_tau_s": tau, "true_rin_mohm": r,
                  "tau_s": got, "note": why, "v_mV": v.tolist()})
json.dump({"rate_hz": RATE, "start_s": START, "end_s": END, "cases": cases},
          open("tau.json", "w"), separators=(",", ":"))


def fi_sqrt(x, a, ic):
    return a * np.sqrt(np.clip(x - ic, 0, None))


fi = []
for name, amps, counts, dur in [("19926019", [0, 50, 100, 150, 200, 250, 300], [4, 6, 14, 18, 21, 23, 25], 0.7),
                                ("lantyer", [0, 40, 81, 121, 161, 201, 242], [9, 21, 27, 33, 37, 42, 46], 0.5),
                                ("171116sh_0018", list(range(0, 251, 25)), [1, 1, 3, 4, 5, 6, 6, 7, 8, 8, 9], 0.5),
                                ("File_axon_5", [0, 50, 100], [2, 2, 3], 0.5),
                                ("synthetic", [0, 20, 40, 60, 80], [3, 9, 12, 14, 16], 1.0)]:
    a = np.array(amps, float)
    r = np.array(counts, float) / dur
    popt, _ = curve_fit(fi_sqrt, a, r, p0=(1.0, 0.0))
    fi.append({"name": name, "amps_pA": amps, "rates_hz": r.tolist(), "A": popt[0], "Ic": popt[1]})
json.dump({"cases": fi}, open("fi.json", "w"), indent=1)
for c in cases:
    print(c["name"], c["tau_s"], c["note"])
for c in fi:
    print(c["name"], c["A"], c["Ic"])
