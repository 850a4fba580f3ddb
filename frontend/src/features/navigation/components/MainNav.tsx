import { NavLink } from 'react-router';
import type { Role } from '@/features/auth/types';
import { navItemsForRole, type NavItem } from '../nav-items';

function linkClassName({ isActive }: { isActive: boolean }) {
  return `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-sky-400 ${
    isActive ? 'bg-slate-800 text-white' : 'text-slate-400 hover:bg-slate-800/60 hover:text-slate-100'
  }`;
}

function NavItemLink({ item }: { item: NavItem }) {
  return (
    <li>
      <NavLink to={item.to} end={item.to === '/'} className={linkClassName}>
        {item.label}
      </NavLink>
    </li>
  );
}

export function MainNav({ role }: { role: Role }) {
  const items = navItemsForRole(role);
  const main = items.filter((item) => item.section === 'main');
  const admin = items.filter((item) => item.section === 'admin');
  return (
    <nav aria-label="Main" className="-mx-1 overflow-x-auto">
      <ul className="flex items-center gap-1 px-1">
        {main.map((item) => (
          <NavItemLink key={item.area} item={item} />
        ))}
        {admin.length > 0 && (
          <li aria-hidden="true" className="mx-2 h-5 w-px shrink-0 bg-slate-700" />
        )}
        {admin.map((item) => (
          <NavItemLink key={item.area} item={item} />
        ))}
      </ul>
    </nav>
  );
}
