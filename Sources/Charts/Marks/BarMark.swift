/// Bars over categories: one group of bars per category, one bar per named value set.
public struct BarMark: Codable, Sendable, Equatable {
    /// How several value sets share a category.
    public enum Arrangement: String, Codable, Sendable, Equatable {
        /// Side by side.
        case grouped
        /// On top of each other.
        case stacked
    }

    /// One named set of values, one value per category.
    public struct Group: Codable, Sendable, Equatable {
        /// The legend entry.
        public var name: String
        /// One value per category.
        @Numbers public var values: [Double]
        /// Creates a group.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// Category names, in order along the category axis.
    public var categories: [String]
    /// The value sets.
    public var groups: [Group]
    /// Grouped or stacked.
    public var arrangement: Arrangement
    /// Bars grow to the right along a vertical category axis.
    public var horizontal: Bool

    /// Creates a bar mark.
    public init(categories: [String], groups: [Group], arrangement: Arrangement = .grouped, horizontal: Bool = false) {
        self.categories = categories
        self.groups = groups
        self.arrangement = arrangement
        self.horizontal = horizontal
    }
}
