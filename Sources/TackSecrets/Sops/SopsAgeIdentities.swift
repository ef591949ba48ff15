/// Where sops (and Flux's docs) keep age identities, in the order they are read:
/// `SOPS_AGE_KEY` (the keys themselves), `SOPS_AGE_KEY_FILE`, files given with `--identity`, then
/// `$XDG_CONFIG_HOME/sops/age/keys.txt` or `~/.config/sops/age/keys.txt` when it exists.
public enum SopsAgeIdentities {
  public struct Source: Sendable, Equatable {
    /// For messages: `SOPS_AGE_KEY`, or a file path.
    public var name: String
    public var path: String?
  }

  /// The sources that apply, without reading files yet.
  public static func sources(environment: [String: String], identityFiles: [String], exists: (String) -> Bool) -> [Source] {
    var sources: [Source] = []
    if let key = environment["SOPS_AGE_KEY"], !key.trimmedWhitespace.isEmpty {
      sources.append(Source(name: "SOPS_AGE_KEY", path: nil))
    }
    if let file = environment["SOPS_AGE_KEY_FILE"], !file.isEmpty {
      sources.append(Source(name: file, path: file))
    }
    for file in identityFiles { sources.append(Source(name: file, path: file)) }
    if let configHome = environment["XDG_CONFIG_HOME"], !configHome.isEmpty {
      let file = configHome + "/sops/age/keys.txt"
      if exists(file) { sources.append(Source(name: file, path: file)) }
    } else if let home = environment["HOME"], !home.isEmpty {
      let file = home + "/.config/sops/age/keys.txt"
      if exists(file) { sources.append(Source(name: file, path: file)) }
    }
    return sources
  }

  /// Every identity from every source. A source that cannot be read or parsed is an error naming
  /// it (never its content).
  public static func load(
    environment: [String: String], identityFiles: [String], exists: (String) -> Bool,
    readFile: (String) throws -> String
  ) throws -> [any AgeKeyIdentity] {
    var identities: [any AgeKeyIdentity] = []
    for source in sources(environment: environment, identityFiles: identityFiles, exists: exists) {
      let text = try source.path.map(readFile) ?? environment["SOPS_AGE_KEY"] ?? ""
      identities += try AgeKeyFile.identities(in: text, source: source.name)
    }
    return identities
  }
}
