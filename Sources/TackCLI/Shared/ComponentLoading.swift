import TackBase
import TackCore
import TackHTTP
import TackKube

/// Loads the component bundle for a command: `--manifests DIR`, else the cached or downloaded
/// release for `--version`; then selects the components for the namespace.
struct ComponentLoading {
  let context: CommandContext

  func load(options: ManifestOptions, components: [String], namespace: String) async throws -> ComponentManifests {
    let bundle: ComponentBundle
    if let directory = options.manifests {
      bundle = try ComponentBundle.load(directory: directory)
    } else {
      let version = options.version ?? ManifestSource.defaultVersion
      let source = ManifestSource(environment: context.environment, fetcher: HTTPFetcher(userAgent: "tack/\(TackVersion.current)"))
      let (loaded, origin) = try await source.load(version: version, skipChecksum: options.insecureSkipChecksum)
      if case .downloaded(let url, let verified) = origin {
        if verified {
          context.console.success("downloaded Flux \(version) manifests from \(url) (checksum verified)")
        } else {
          context.console.warning(
            "downloaded Flux \(version) manifests from \(url) WITHOUT verifying their checksum (--insecure-skip-checksum)")
        }
      }
      bundle = loaded
    }
    let version = options.version ?? bundle.declaredVersion ?? ManifestSource.defaultVersion
    if let declared = bundle.declaredVersion, let requested = options.version, declared != requested {
      context.console.warning(
        "--version \(requested) but the bundle in \(bundle.source) says Flux \(declared); labelling it \(requested)")
    }
    return try bundle.select(components: components, version: version, namespace: namespace)
  }
}
