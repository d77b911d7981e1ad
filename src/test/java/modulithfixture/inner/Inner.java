package modulithfixture.inner;

import modulithfixture.outer.Outer;

public class Inner {

	public Outer forbidden() {
		return new Outer();
	}

}
