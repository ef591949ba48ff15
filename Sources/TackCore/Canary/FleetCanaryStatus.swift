import TackBase
import TackJSON

/// `tack canary status --contexts a,b,c | --all-contexts`: the canaries of one namespace in every
/// cluster at once (or only those named NAME), for one merged table or one `CanaryStatusList`.
public struct FleetCanaryStatus: Sendable {
  public let members: [FleetMember]

  public init(members: [FleetMember]) { self.members = members }

  /// One cluster's canaries, sorted by name, and with `documents` their `CanaryStatus` documents.
  public struct Listing: Sendable {
    public var canaries: [JSON]
    public var documents: [JSON]
  }

  public func run(namespace: String, name: String?, documents: Bool) async -> [FleetAnswer<Listing>] {
    await Fleet.query(members) { cluster in
      let canaries = CanaryListTable.sorted(try await cluster.canaries(namespace: namespace)).filter {
        name == nil || $0[path: "metadata", "name"]?.stringValue == name
      }
      guard documents else { return Listing(canaries: canaries, documents: []) }
      let loader = CanaryStatusLoader(cluster: cluster)
      var items: [JSON] = []
      for canary in canaries {
        let canaryName = canary[path: "metadata", "name"]?.stringValue ?? ""
        items.append(try await loader.complete(canary: canary, namespace: namespace, name: canaryName).report.document)
      }
      return Listing(canaries: canaries, documents: items)
    }
  }
}
