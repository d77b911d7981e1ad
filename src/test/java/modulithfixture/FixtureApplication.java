package modulithfixture;

/**
 * A two-module application whose one dependency is forbidden; shows that verification
 * catches it.
 */
public class FixtureApplication {

}
