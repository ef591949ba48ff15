/// Short human durations: `45s`, `3m`, `2m30s`, `1h5m`.
public enum ShortDuration {
  public static func format(seconds: Double) -> String {
    let s = max(0, Int(seconds.rounded()))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
    let m = s / 60 % 60
    return m == 0 ? "\(s / 3600)h" : "\(s / 3600)h\(m)m"
  }
}
