/** One generated resident, as the demo seed and the bulk seed both write it. */
export interface SeedResident {
  /** Dev login `dev-<hostUser>`. */
  hostUser: string;
  name: string;
  idNumber: string;
  phone: string;
  homeRegion: string;
  currentRegion: string;
  stays: { region: string; from: string; to: string }[];
  symptoms: { symptom: string; onset: string }[];
}
