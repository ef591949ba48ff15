/// The version this build of tack reports.
public enum TackVersion {
  public static let current = "0.1.0"
}
