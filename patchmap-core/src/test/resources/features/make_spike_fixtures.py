#!/usr/bin/env python3
"""Reference numbers for the spike code's tests (spec features.md sections 2-4), made with scipy
the way ipfx uses it. Run from this folder: python3 make_spike_fixtures.py

bessel.json: scipy.signal.bessel(4, Wn, 'low') coefficients for the dV/dt filter at several sampling
             rates (cutoff min(10 kHz, 0.8 x Nyquist)).
spikes.json: synthetic spiking traces, each regenerated identically in Java from a few parameters
             (SyntheticTrace.java: splitmix64 noise, quantised to 1/32 mV, math.exp per sample so
             that both sides use a correctly rounded exp), with a checksum of the quantised codes;
             scipy's filtfilt of each trace (first/last 60 samples and every 40th), and the spikes and
             train features from an independent numpy implementation of the spec's rules below.
"""
import json
import math

import numpy as np
from scipy import signal

MASK = (1 << 64) - 1
Q = 1.0 / 32  # mV per code


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def trace(p):
    """v in mV: baseline, an RC step depolarisation in [start, end), hand-shaped APs
    (asymmetric Gaussian, alpha-function AHP), triangular integer noise; quantised to Q."""
    n, rate = p["n"], p["rate_hz"]
    state = p["seed"]
    codes = np.empty(n, dtype=np.int64)
    for k in range(n):
        t = k / rate
        v = p["rest_mv"]
        if p["start_s"] <= t < p["end_s"]:
            v += p["step_mv"] * (1.0 - math.exp(-(t - p["start_s"]) / p["step_tau_s"]))
        elif t >= p["end_s"]:
            v_end = p["step_mv"] * (1.0 - math.exp(-(p["end_s"] - p["start_s"]) / p["step_tau_s"]))
            v += v_end * math.exp(-(t - p["end_s"]) / p["step_tau_s"])
        for (tp, h, sr, sf, ahp, ta) in p["aps"]:
            x = t - tp
            if x < 0:
                if x > -12 * sr:
                    v += h * math.exp(-0.5 * (x / sr) * (x / sr))
            else:
                if x < 12 * sf:
                    v += h * math.exp(-0.5 * (x / sf) * (x / sf))
                if x < 40 * ta:
                    v -= ahp * (x / ta) * math.exp(1.0 - x / ta)
        state, z = splitmix64(state)
        noise = ((z >> 61) + ((z >> 58) & 7) - 7) * p["noise_codes"]
        codes[k] = math.floor(v / Q + 0.5) + noise
    return codes


def find_time_index(t, t0):
    return int(np.argmin(np.abs(t - t0)))


def detect(v, t, start, end, filt_hz=10e3, dv_cutoff=20., min_peak=-25., min_height=2., thresh_frac=0.05,
           max_interval=0.005, tol=1.0, term_frac=0.01):
    """The spec's rules (sections 2-4), numpy."""
    rate = 1.0 / (t[1] - t[0])
    cutoff = min(filt_hz, 0.8 * rate / 2)
    b, a = signal.bessel(4, cutoff / (rate / 2), "low")
    vf = signal.filtfilt(b, a, v)
    dvdt = 1e-3 * np.diff(vf) / np.diff(t)
    si, ei = find_time_index(t, start), find_time_index(t, end)
    w = dvdt[si:ei]
    ps = np.flatnonzero(np.diff((w >= dv_cutoff).astype(int)) == 1)
    if len(ps) > 1:
        ps = np.array([ps[0]] + [s for i, s in enumerate(ps[1:]) if np.any(w[ps[i]:s] < 0)])
    ps = ps.astype(int) + si
    if len(ps) == 0:
        return vf, [], train([], start, end)
    bounds = np.append(ps, ei)
    pk = np.array([np.argmax(v[s:e]) + s for s, e in zip(bounds[:-1], bounds[1:])])
    keep = [bool(np.any(dvdt[pk[i]:ps[i + 1]] < 0)) for i in range(len(ps) - 1)]
    pk = pk[np.array(keep + [True])]
    ps = ps[np.array([True] + keep)]
    m = v[pk] >= min_peak
    ps, pk = ps[m], pk[m]
    m = v[pk] - v[ps] >= min_height
    ps, pk = ps[m], pk[m]
    if len(ps) == 0:
        return vf, [], train([], start, end)
    up = np.array([np.argmax(dvdt[s:p]) + s for s, p in zip(ps, pk)])
    target = thresh_frac * dvdt[up].mean()
    thr = []
    for i, u in enumerate(up):
        prev = 0 if i == 0 else up[i - 1]
        below = np.flatnonzero(dvdt[u:prev:-1] <= target)
        thr.append(prev if below.size == 0 else u - below[0])
    thr = np.array(thr)
    # validation: overlaps, then too-long threshold-to-peak
    ov = np.flatnonzero(thr[1:] <= pk[:-1] + 1)
    if ov.size:
        mt = np.ones(len(thr), bool)
        mt[ov + 1] = False
        mp = np.ones(len(thr), bool)
        mp[ov] = False
        thr, pk, up = thr[mt], pk[mp], up[mp]
    long_ = [i for i in range(len(thr)) if t[pk[i]] - t[thr[i]] >= max_interval]
    if long_:
        target = thresh_frac * dvdt[up].mean()
        drop = []
        for i in long_:
            t0 = find_time_index(t, t[pk[i]] - max_interval)
            below = np.flatnonzero(dvdt[up[i]:t0:-1] <= target)
            if below.size:
                thr[i] = up[i] - below[0]
                continue
            s = thr[i]
            e = len(t) - 1 if t[s] + 2 * max_interval >= t[-1] else find_time_index(t, t[s] + 2 * max_interval)
            npk = np.argmax(v[s:e]) + s
            if t[npk] - t[s] < max_interval and (i == len(thr) - 1 or t[npk] < t[thr[i + 1]]):
                pk[i] = npk
            else:
                drop.append(i)
        thr, pk, up = np.delete(thr, drop), np.delete(pk, drop), np.delete(up, drop)
    n = len(thr)
    last_clipped = n > 0 and not np.any(v[pk[-1]:ei + 1] <= v[thr[-1]] + tol)
    spikes = []
    for i in range(n):
        s, p = int(thr[i]), int(pk[i])
        nxt = int(thr[i + 1]) if i + 1 < n else ei
        u = int(np.argmax(dvdt[s:p]) + s)
        clipped = bool(i == n - 1 and last_clipped)
        ft = None
        if not clipped:
            d = int(np.argmin(dvdt[p:nxt]) + p)
            hits = np.flatnonzero(dvdt[d:nxt] >= term_frac * dvdt[d])
            if hits.size:
                ft = int(hits[0] + d)
            else:
                clipped = True
        rec = {"threshold_index": s, "threshold_t": t[s], "threshold_v": v[s], "peak_index": p, "peak_t": t[p],
               "peak_v": v[p], "upstroke_index": u, "upstroke": dvdt[u], "clipped": clipped,
               "trough_v": None, "downstroke": None, "fast_trough_t": None, "fast_trough_v": None, "width": None}
        if not clipped:
            tr = int(np.argmin(v[p:nxt]) + p)
            rec["trough_v"] = v[tr]
            rec["downstroke"] = dvdt[int(np.argmin(dvdt[p:tr]) + p)]
            rec["fast_trough_t"], rec["fast_trough_v"] = t[ft], v[ft]
            level = (v[p] - v[ft]) / 2. + v[ft]
            if level < v[s]:
                level = (v[p] - v[s]) / 2. + v[s]
            st = np.flatnonzero(v[p:s:-1] <= level)
            en = np.flatnonzero(v[p:ft] <= level)
            if st.size and en.size:
                rec["width"] = t[p + en[0]] - t[p - st[0]]
            rec["upstroke_downstroke_ratio"] = rec["upstroke"] / -rec["downstroke"]
        spikes.append(rec)
    # every spike found in the window stays, also one whose threshold lies before start (as ipfx)
    return vf, spikes, train(spikes, start, end)


def train(spikes, start, end):
    """ipfx basic_spike_train_features: avg_rate counts thresholds in [start, end], the rest uses every spike."""
    in_window = [s for s in spikes if start <= s["threshold_t"] <= end]
    out = {"n": len(spikes), "avg_rate": len(in_window) / (end - start)}
    if not spikes:
        return out
    ts = np.array([s["threshold_t"] for s in spikes])
    isis = np.diff(ts)
    out["latency"] = ts[0] - start
    if len(isis):
        out.update(first_isi=isis[0], mean_isi=isis.mean(), median_isi=float(np.median(isis)),
                   isi_cv=isis.std() / isis.mean())
    if len(isis) >= 2:
        out["adapt"] = float(np.mean((isis[1:] - isis[:-1]) / (isis[1:] + isis[:-1])))
    return out


def ap(tp, h=100.0, sr=0.25e-3, sf=0.6e-3, ahp=15.0, ta=1.5e-3):
    return [tp, h, sr, sf, ahp, ta]


CASES = [
    # an adapting train at 20 kHz; the last AP peaks 0.3 ms before the window end (clipped)
    dict(name="adapting-20k", rate_hz=20000.0, n=20000, seed=11, rest_mv=-70.0, step_mv=15.0, step_tau_s=0.02,
         start_s=0.1, end_s=0.9, noise_codes=2,
         aps=[ap(0.1312), ap(0.1523, h=95), ap(0.1861, h=93), ap(0.2312, h=92, sf=0.7e-3),
              ap(0.2907, h=91), ap(0.3650, h=90), ap(0.4573, h=90), ap(0.5690, h=89), ap(0.7011, h=89),
              ap(0.8997, h=88)]),
    # 10 kHz (cutoff 4 kHz), 1.5 s, broader APs, a small spikelet (peak below -25 mV) to drop
    dict(name="regular-10k", rate_hz=10000.0, n=15000, seed=12345, rest_mv=-72.0, step_mv=18.0, step_tau_s=0.03,
         start_s=0.25, end_s=1.25, noise_codes=3,
         aps=[ap(0.3101, h=95, sr=0.35e-3, sf=0.9e-3), ap(0.4102, h=94, sr=0.35e-3, sf=0.9e-3),
              ap(0.5120, h=12, sr=0.5e-3, sf=1.0e-3, ahp=2.0),
              ap(0.6118, h=93, sr=0.35e-3, sf=0.9e-3), ap(0.8166, h=92, sr=0.35e-3, sf=0.9e-3),
              ap(1.0170, h=92, sr=0.35e-3, sf=1.0e-3), ap(1.2400, h=92, sr=0.35e-3, sf=1.0e-3, ta=2e-3)]),
    # 50 kHz burst: a doublet 4 ms apart, a spike whose upstroke has a shoulder, then a regular spike
    dict(name="burst-50k", rate_hz=50000.0, n=25000, seed=7, rest_mv=-65.0, step_mv=12.0, step_tau_s=0.015,
         start_s=0.1, end_s=0.4, noise_codes=1,
         aps=[ap(0.1503, h=98, sr=0.2e-3, sf=0.5e-3, ahp=6.0, ta=1.0e-3),
              ap(0.1543, h=90, sr=0.2e-3, sf=0.5e-3, ahp=12.0, ta=2.0e-3),
              ap(0.2500, h=25, sr=0.15e-3, sf=0.3e-3, ahp=0.0), ap(0.2506, h=80, sr=0.2e-3, sf=0.6e-3),
              ap(0.3300, h=96)]),
    # subthreshold at 25 kHz: no spike
    dict(name="quiet-25k", rate_hz=25000.0, n=15000, seed=99, rest_mv=-68.0, step_mv=9.0, step_tau_s=0.025,
         start_s=0.1, end_s=0.5, noise_codes=4, aps=[]),
    # a strong, fast step: its onset lifts dV/dt over 20 V/s just before the window start and the first
    # AP rises 1.4 ms later, so that AP's threshold lies one sample before start; it is a spike of the
    # sweep (latency < 0) but not counted in avg_rate, as in ipfx
    dict(name="onset-transient-20k", rate_hz=20000.0, n=12000, seed=5, rest_mv=-68.0, step_mv=20.0,
         step_tau_s=0.0005, start_s=0.1, end_s=0.5, noise_codes=1,
         aps=[ap(0.1014), ap(0.1350, h=96), ap(0.2000, h=94), ap(0.3100, h=93)]),
]


def main():
    coeffs = []
    for rate in [10e3, 20e3, 25e3, 50e3, 200e3]:
        cutoff = min(10e3, 0.8 * rate / 2)
        b, a = signal.bessel(4, cutoff / (rate / 2), "low")
        coeffs.append({"rate_hz": rate, "cutoff_hz": cutoff, "b": b.tolist(), "a": a.tolist()})
    with open("bessel.json", "w") as f:
        json.dump({"cases": coeffs}, f, indent=1)

    out = []
    for c in CASES:
        codes = trace(c)
        v = codes * Q
        t = np.arange(c["n"]) * (1.0 / c["rate_hz"])
        vf, spikes, tr = detect(v, t, c["start_s"], c["end_s"])
        n = c["n"]
        sample = sorted(set(range(60)) | set(range(n - 60, n)) | set(range(0, n, 40)))
        out.append({**c, "code_sum": int(codes.sum()), "code_sq_sum": int((codes * codes).sum()),
                    "filtered_index": sample, "filtered_mv": [float(vf[k]) for k in sample],
                    "spikes": [{k: (float(x) if isinstance(x, (float, np.floating)) else x) for k, x in s.items()}
                               for s in spikes],
                    "train": {k: float(x) for k, x in tr.items()}})
        print(c["name"], "spikes:", tr["n"], {k: round(x, 5) for k, x in tr.items()},
              "clipped:", [s["clipped"] for s in spikes])
    with open("spikes.json", "w") as f:
        json.dump({"quantum_mv": Q, "cases": out}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
