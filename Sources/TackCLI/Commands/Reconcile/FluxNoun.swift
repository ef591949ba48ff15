import TackCore

/// A noun of `reconcile`, `suspend` and `resume`, as flux spells it (`source git`, `ks`, `image
/// policy`): the kind it names, the word and its aliases. The verbs' leaf commands are generic over
/// these, so every noun gets the same flags and behaviour.
protocol FluxNoun {
  static var kind: FluxKind { get }
  static var word: String { get }
  static var aliases: [String] { get }
}

extension FluxNoun {
  static var aliases: [String] { [] }
  /// "a GitRepository", "an ImagePolicy".
  static var withArticle: String {
    let first = kind.kind.first.map { "AEIOU".contains($0) } ?? false
    return (first ? "an " : "a ") + kind.kind
  }
}

enum Nouns {
  enum Git: FluxNoun {
    static let kind = FluxKind.gitRepository
    static let word = "git"
  }
  enum OCI: FluxNoun {
    static let kind = FluxKind.ociRepository
    static let word = "oci"
  }
  enum Helm: FluxNoun {
    static let kind = FluxKind.helmRepository
    static let word = "helm"
  }
  enum Chart: FluxNoun {
    static let kind = FluxKind.helmChart
    static let word = "chart"
  }
  enum Bucket: FluxNoun {
    static let kind = FluxKind.bucket
    static let word = "bucket"
  }
  enum Kustomization: FluxNoun {
    static let kind = FluxKind.kustomization
    static let word = "kustomization"
    static let aliases = ["ks"]
  }
  enum HelmRelease: FluxNoun {
    static let kind = FluxKind.helmRelease
    static let word = "helmrelease"
    static let aliases = ["hr"]
  }
  enum Receiver: FluxNoun {
    static let kind = FluxKind.receiver
    static let word = "receiver"
  }
  enum ImageRepository: FluxNoun {
    static let kind = FluxKind.imageRepository
    static let word = "repository"
  }
  enum ImagePolicy: FluxNoun {
    static let kind = FluxKind.imagePolicy
    static let word = "policy"
  }
  enum ImageUpdate: FluxNoun {
    static let kind = FluxKind.imageUpdateAutomation
    static let word = "update"
  }
  enum Alert: FluxNoun {
    static let kind = FluxKind.alert
    static let word = "alert"
  }
  enum AlertProvider: FluxNoun {
    static let kind = FluxKind.alertProvider
    static let word = "alert-provider"
  }
  enum Canary: FluxNoun {
    static let kind = FluxKind.canary
    static let word = "canary"
  }
}
