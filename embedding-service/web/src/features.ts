// The 16 map inputs as the page names them (the API's names and map units; labels are the page's own).
// The browser test checks this list against /api/maps/current's `features`.
export interface MapFeature { name: string; label: string; unit: string }

export const MAP_FEATURES: MapFeature[] = [
  { name: 'log10_input_resistance', label: 'input resistance', unit: 'log10 MΩ' },
  { name: 'tau_ms', label: 'membrane time constant', unit: 'ms' },
  { name: 'v_baseline', label: 'baseline potential', unit: 'mV' },
  { name: 'sag_nearest_minus_100', label: 'sag at −100 mV', unit: '1' },
  { name: 'ap_1_threshold_v_0_long_square', label: 'first AP threshold', unit: 'mV' },
  { name: 'ap_1_peak_v_0_long_square', label: 'first AP peak', unit: 'mV' },
  { name: 'ap_1_upstroke_0_long_square', label: 'first AP upstroke', unit: 'V/s' },
  { name: 'ap_1_width_0_long_square_ms', label: 'first AP width', unit: 'ms' },
  { name: 'ap_1_fast_trough_v_0_long_square', label: 'first AP fast trough', unit: 'mV' },
  { name: 'ap_mean_threshold_v_0_long_square', label: 'mean AP threshold', unit: 'mV' },
  { name: 'ap_mean_peak_v_0_long_square', label: 'mean AP peak', unit: 'mV' },
  { name: 'ap_mean_upstroke_0_long_square', label: 'mean AP upstroke', unit: 'V/s' },
  { name: 'ap_mean_width_0_long_square_ms', label: 'mean AP width', unit: 'ms' },
  { name: 'ap_mean_fast_trough_v_0_long_square', label: 'mean AP fast trough', unit: 'mV' },
  { name: 'avg_rate_0_long_square', label: 'firing rate at rheobase', unit: 'Hz' },
  { name: 'latency_0_long_square', label: 'latency at rheobase', unit: 's' },
];

/** Shown when hovering a cell. */
export const KEY_FEATURES = ['ap_1_width_0_long_square_ms', 'log10_input_resistance', 'sag_nearest_minus_100'];

export const featureByName = new Map(MAP_FEATURES.map((f) => [f.name, f]));
