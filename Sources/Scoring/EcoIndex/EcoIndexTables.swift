/// The EcoIndex constants as shipped in `Scoring/ecoindex.yaml`.
public struct EcoIndexTables: Decodable, Sendable {
    public struct Quantiles: Decodable, Sendable {
        public var dom: [Double]
        public var requests: [Double]
        public var sizeKB: [Double]
    }
    public struct Weights: Decodable, Sendable {
        public var dom: Double
        public var requests: Double
        public var size: Double
    }
    public struct GradeBound: Decodable, Sendable {
        public var grade: String
        public var above: Double
    }
    public struct Linear: Decodable, Sendable {
        public var base: Double
        public var slope: Double
    }

    public var version: String
    public var source: String
    public var quantiles: Quantiles
    public var weights: Weights
    public var grades: [GradeBound]
    public var lowestGrade: String
    public var ghg: Linear
    public var water: Linear
    public var bytesPerKB: Double
}
