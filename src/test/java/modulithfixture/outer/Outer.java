package modulithfixture.outer;

public class Outer {

}
